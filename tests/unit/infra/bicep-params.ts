/** The parameters a Bicep file declares, read as text (no Bicep CLI here): for the deployment tests. */
export interface BicepParam {
  name: string;
  hasDefault: boolean;
  secure: boolean;
}

/** `param name type [= default]`, with `@secure()` among the decorators just above it. */
export function bicepParams(source: string): BicepParam[] {
  const lines = source.split('\n');
  return lines.flatMap((line, index) => {
    const match = line.match(/^param (\w+) \w+( = .+)?$/);
    if (!match) return [];
    let secure = false;
    for (let i = index - 1; i >= 0 && lines[i]!.startsWith('@'); i--) secure ||= lines[i]!.startsWith('@secure()');
    return [{ name: match[1]!, hasDefault: !!match[2], secure }];
  });
}
