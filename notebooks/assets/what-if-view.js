/*
 * Drawing for the what-if page (assets/what-if.js owns the controls): the results table with its total row
 * and a horizontal bar chart in SVG, rebuilt from a model result on every change. Every value goes in
 * through textContent or setAttribute, never as markup, so a name from data always stays text. Numeric
 * cells carry the exact value in data-value. A classic script (not a module), so it runs from file://.
 */
(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const formats = {};

  function number(value, decimals) {
    if (typeof value !== "number" || !Number.isFinite(value)) return "no data";
    const key = String(decimals);
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat("en-GB", {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      });
    }
    return formats[key].format(value).replace("-", "−");
  }

  function pounds(value, decimals) {
    if (typeof value !== "number" || !Number.isFinite(value)) return "no data";
    return (value < 0 ? "−£" : "£") + number(Math.abs(value), decimals);
  }

  function signed(value, decimals) {
    const text = number(value, decimals);
    return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
  }

  function percent(share) {
    return typeof share === "number" && Number.isFinite(share) ? `${number(share * 100, 1)}%` : "no data";
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function numericCell(tag, text, value) {
    const cell = element(tag, text, "num");
    if (typeof value === "number" && Number.isFinite(value)) cell.setAttribute("data-value", String(value));
    else cell.classList.add("no-data");
    return cell;
  }

  /** The table's columns: label, the value in a model row, and its text. Baseline columns only with baselines. */
  function columnsFor(decimals, withBaseline) {
    const columns = [
      { label: "Amount (£)", value: (row) => row.amount, text: (v) => number(v, decimals) },
      { label: "Share", value: (row) => row.share, text: percent },
      { label: "£ per head", value: (row) => row.perHead, text: (v) => number(v, 2) },
      {
        label: "£ per income-deprived person",
        value: (row) => row.perDeprivedPerson,
        text: (v) => number(v, 2),
      },
    ];
    if (!withBaseline) return columns;
    return columns.concat([
      { label: "Baseline (£)", value: (row) => row.baseline, text: (v) => number(v, decimals) },
      {
        label: "Change from baseline (£)",
        value: (row) => row.changeFromBaseline,
        text: (v) => signed(v, decimals),
      },
    ]);
  }

  function headerCell(tag, text, scope) {
    const cell = element(tag, text);
    cell.scope = scope;
    return cell;
  }

  /**
   * Fills `table` with one row per recipient and a total row. The total adds whole pence, so it is exact
   * (and equals the pot whenever the model returned a split).
   */
  function renderTable(table, result, recipients, options) {
    const decimals = result.roundingUnit < 1 ? 2 : 0;
    const withBaseline = recipients.some((recipient) => typeof recipient.baseline === "number");
    const columns = columnsFor(decimals, withBaseline);
    table.textContent = "";
    table.appendChild(element("caption", options.caption));
    const head = table.createTHead().insertRow();
    head.appendChild(headerCell("th", options.areaLabel, "col"));
    columns.forEach((column) => {
      head.appendChild(headerCell("th", column.label, "col")).className = "num";
    });
    const body = table.createTBody();
    const totals = { amount: 0, baseline: 0 };
    result.rows.forEach((modelRow, index) => {
      const row = Object.assign({ baseline: recipients[index].baseline ?? null }, modelRow);
      const line = body.insertRow();
      line.setAttribute("data-code", row.code);
      line.appendChild(headerCell("th", row.name, "row"));
      columns.forEach((column) => {
        const value = column.value(row);
        line.appendChild(numericCell("td", column.text(value), value));
      });
      totals.amount += Math.round(row.amount * 100);
      totals.baseline += Math.round((row.baseline ?? 0) * 100);
    });
    const total = table.createTFoot().insertRow();
    total.appendChild(headerCell("th", "Total", "row"));
    const sums = [
      totals.amount / 100,
      1,
      null,
      null,
      totals.baseline / 100,
      (totals.amount - totals.baseline) / 100,
    ];
    columns.forEach((column, index) => {
      const value = sums[index];
      total.appendChild(value === null ? element("td", "") : numericCell("td", column.text(value), value));
    });
  }

  function svgNode(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach((name) => {
      node.setAttribute(name, String(attributes[name]));
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A horizontal bar per recipient (its amount) with a black mark at its baseline, as SVG in `container`. */
  function renderChart(container, result, recipients, options) {
    const width = 760;
    const left = 240;
    const right = 96;
    const top = 30;
    const step = 24;
    const height = top + step * result.rows.length + 8;
    let largest = 0;
    result.rows.forEach((row, index) => {
      largest = Math.max(largest, row.amount, recipients[index].baseline ?? 0);
    });
    const scale = (value) => (largest > 0 ? ((width - left - right) * value) / largest : 0);
    const decimals = result.roundingUnit < 1 ? 2 : 0;
    const svg = svgNode("svg", {
      viewBox: `0 0 ${width} ${height}`,
      width: width,
      height: height,
      role: "img",
      "aria-labelledby": "what-if-chart-title",
      class: "what-if-bars",
    });
    svg.appendChild(svgNode("title", { id: "what-if-chart-title" }, options.title));
    const hasBaseline = recipients.some((recipient) => typeof recipient.baseline === "number");
    svg.appendChild(svgNode("rect", { x: left, y: 6, width: 14, height: 14, class: "bar" }));
    svg.appendChild(svgNode("text", { x: left + 20, y: 17 }, "amount"));
    if (hasBaseline) {
      svg.appendChild(svgNode("rect", { x: left + 100, y: 4, width: 3, height: 18, class: "baseline" }));
      svg.appendChild(svgNode("text", { x: left + 110, y: 17 }, "baseline"));
    }
    result.rows.forEach((row, index) => {
      const y = top + step * index;
      const baseline = recipients[index].baseline;
      const group = svgNode("g", {});
      group.appendChild(svgNode("title", {}, `${row.name}: ${pounds(row.amount, decimals)}`));
      group.appendChild(svgNode("text", { x: left - 8, y: y + 13, "text-anchor": "end" }, row.name));
      group.appendChild(
        svgNode("rect", { x: left, y: y + 2, width: scale(row.amount), height: 16, class: "bar" }),
      );
      if (typeof baseline === "number") {
        const x = left + scale(baseline);
        group.appendChild(svgNode("rect", { x: x - 1.5, y: y - 1, width: 3, height: 22, class: "baseline" }));
      }
      // The value sits just after the bar, or after the baseline mark when the mark would run through it.
      const barEnd = left + scale(row.amount);
      const mark = typeof baseline === "number" ? left + scale(baseline) : -1;
      const end = mark > barEnd - 3 && mark < barEnd + 80 ? mark : barEnd;
      group.appendChild(svgNode("text", { x: end + 6, y: y + 14 }, pounds(row.amount, decimals)));
      svg.appendChild(group);
    });
    container.textContent = "";
    container.appendChild(svg);
  }

  window.ntgWhatIfView = { renderTable, renderChart, number, pounds, percent };
})();
