/**
 * Marker shapes drawn by the charts and by their legends. Each benchmark label has its own shape as well as
 * its own colour, so the charts still read in greyscale and for colour-blind readers. A shape is a d3-style
 * symbol type (`draw(context, area)`), which Plot's dot mark accepts directly; `symbolPath` draws the same
 * shape as an SVG path for the legends we build ourselves.
 */

/** The subset of CanvasPath that symbols draw with (d3-path and our recorder both provide it). */
export interface SymbolContext {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
}

/** A marker shape; `area` is in square pixels, as in d3-shape. */
export interface ChartSymbol {
  draw(context: SymbolContext, area: number): void;
}

function polygon(context: SymbolContext, points: readonly [number, number][]): void {
  points.forEach(([x, y], index) => {
    if (index === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  });
  context.closePath();
}

export const circleSymbol: ChartSymbol = {
  draw(context, area) {
    const radius = Math.sqrt(area / Math.PI);
    context.moveTo(radius, 0);
    context.arc(0, 0, radius, 0, 2 * Math.PI);
  },
};

function triangle(direction: 1 | -1): ChartSymbol {
  return {
    draw(context, area) {
      const side = Math.sqrt((4 * area) / Math.sqrt(3));
      const height = (Math.sqrt(3) / 2) * side;
      polygon(context, [
        [0, (-2 * height * direction) / 3],
        [side / 2, (height * direction) / 3],
        [-side / 2, (height * direction) / 3],
      ]);
    },
  };
}

export const triangleUpSymbol = triangle(1);
export const triangleDownSymbol = triangle(-1);

export const squareSymbol: ChartSymbol = {
  draw(context, area) {
    const half = Math.sqrt(area) / 2;
    polygon(context, [
      [-half, -half],
      [half, -half],
      [half, half],
      [-half, half],
    ]);
  },
};

export const diamondSymbol: ChartSymbol = {
  draw(context, area) {
    const tall = Math.sqrt(area / 1.4);
    const wide = 0.7 * tall;
    polygon(context, [
      [0, -tall],
      [wide, 0],
      [0, tall],
      [-wide, 0],
    ]);
  },
};

export const starSymbol: ChartSymbol = {
  draw(context, area) {
    const outer = Math.sqrt(area / 1.1227);
    const inner = outer * 0.382;
    const points: [number, number][] = [];
    for (let index = 0; index < 10; index++) {
      const radius = index % 2 === 0 ? outer : inner;
      const angle = (index * Math.PI) / 5 - Math.PI / 2;
      points.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
    }
    polygon(context, points);
  },
};

/** A filled diagonal cross (✕), so it can carry a fill colour like the other shapes. */
export const crossSymbol: ChartSymbol = {
  draw(context, area) {
    const arm = Math.sqrt(area / 1.5975);
    const half = (0.45 * arm) / 2;
    const plus: [number, number][] = [
      [-half, -arm],
      [half, -arm],
      [half, -half],
      [arm, -half],
      [arm, half],
      [half, half],
      [half, arm],
      [-half, arm],
      [-half, half],
      [-arm, half],
      [-arm, -half],
      [-half, -half],
    ];
    const rotate = Math.SQRT1_2;
    polygon(
      context,
      plus.map(([x, y]) => [rotate * (x - y), rotate * (x + y)]),
    );
  },
};

/** A short horizontal bar: "not compared". */
export const dashSymbol: ChartSymbol = {
  draw(context, area) {
    const half = Math.sqrt(area / 0.8);
    const thick = half / 2.5;
    polygon(context, [
      [-half, -thick / 2],
      [half, -thick / 2],
      [half, thick / 2],
      [-half, thick / 2],
    ]);
  },
};

/** The symbol as SVG path data centred on (0, 0), for legends drawn outside Plot. */
export function symbolPath(symbol: ChartSymbol, area: number): string {
  const parts: string[] = [];
  const number = (value: number) => String(Math.round(value * 100) / 100);
  symbol.draw(
    {
      moveTo: (x, y) => parts.push(`M${number(x)},${number(y)}`),
      lineTo: (x, y) => parts.push(`L${number(x)},${number(y)}`),
      closePath: () => parts.push("Z"),
      arc: (x, y, radius) => {
        const r = number(radius);
        parts.push(`M${number(x + radius)},${number(y)}`);
        parts.push(`A${r},${r},0,1,1,${number(x - radius)},${number(y)}`);
        parts.push(`A${r},${r},0,1,1,${number(x + radius)},${number(y)}Z`);
      },
    },
    area,
  );
  return parts.join("");
}
