/**
 * Finds `${expression}` in SQL, Markdown and front-matter text. Braces inside the expression nest, and
 * quoted strings inside it may contain braces. `\${` is a literal "${".
 */
export type TemplatePart = string | { expression: string };

export function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let index = 0;
  while (index < text.length) {
    if (text.startsWith("\\${", index)) {
      literal += "${";
      index += 3;
      continue;
    }
    if (!text.startsWith("${", index)) {
      literal += text[index];
      index += 1;
      continue;
    }
    const end = closingBrace(text, index + 2);
    if (end === -1) {
      literal += text.slice(index);
      break;
    }
    if (literal) parts.push(literal);
    literal = "";
    parts.push({ expression: text.slice(index + 2, end) });
    index = end + 1;
  }
  if (literal) parts.push(literal);
  return parts;
}

export function hasExpressions(text: string): boolean {
  return splitTemplate(text).some((part) => typeof part !== "string");
}

function closingBrace(text: string, start: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let index = start; index < text.length; index += 1) {
    const character = text[index]!;
    if (quote) {
      if (character === "\\") index += 1;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'" || character === "`") quote = character;
    else if (character === "{") depth += 1;
    else if (character === "}" && --depth === 0) return index;
  }
  return -1;
}
