/** Maps offsets in a text to 1-based lines and columns (binary search over line starts). */
export function lineIndex(text: string, firstLine = 1): (offset: number) => { line: number; column: number } {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, column: offset - starts[lo] + 1 };
  };
}
