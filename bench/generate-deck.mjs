// Writes a synthetic deck of N slides: a code block every 5th slide, a diagram every 10th
// (`diagrams: false`: a code block there too, for timing everything but drawing).
import fs from 'node:fs';
import path from 'node:path';

export function generateDeck(dir, slides, { salt = '', theme, diagrams = true } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'slides'), { recursive: true });
  const parts = ['---\ntitle: Bench deck ' + slides + (theme ? `\ntheme: ${theme}` : '') + '\n---\n'];
  for (let i = 1; i <= slides; i++) {
    let body = `## Slide ${i}\n\n- Point one about topic ${i}\n- Point **two** with \`code\`\n- Point three <!-- .element: class="fragment" -->\n`;
    if (i % 10 === 0 && diagrams) body += `\n\`\`\`mermaid\nflowchart LR\n  A${i}[Client ${i}${salt}] --> B${i}[Daemon]\n  B${i} --> C${i}[Runtime]\n\`\`\`\n`;
    else if (i % 5 === 0) body += `\n\`\`\`js [1|2-3]\nconst n = ${i};\nconst double = (x) => x * 2;\nconsole.log(double(n));\n\`\`\`\n`;
    body += `\nNote: Speaker notes for slide ${i}.\n`;
    parts.push(body);
  }
  fs.writeFileSync(path.join(dir, 'slides', 'deck.md'), parts.join('\n---\n\n'));
  return path.join(dir, 'slides', 'deck.md');
}
