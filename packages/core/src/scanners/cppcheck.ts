import { fitsCommandLine } from './node-tool.js';
import { asOperands, byExtension, pathToolAvailability } from './path-tool.js';
import type { Scanner } from './types.js';

export const cppcheck: Scanner = {
  kind: 'command',
  id: 'cppcheck',
  title: 'Cppcheck',
  category: 'sast',
  stages: ['commit'],
  format: 'cppcheck',
  timeoutMs: 15 * 60_000,
  installHint: 'install it with `apt-get install cppcheck`',
  fileList: true,
  cost: 3,
  detect: (env) => pathToolAvailability(env, 'cppcheck', ['--version'], /Cppcheck\s+(\d+\.\d+(?:\.\d+)?)/),
  select: byExtension(/\.(?:c|cc|cpp|cxx|h|hh|hpp|hxx)$/i),
  // cppcheck takes no "--" before its files: asOperands keeps a file named "-x.c" from reading as an option.
  command(target) {
    return {
      command: 'cppcheck',
      // Walking a folder, Cppcheck reads a symlinked source file wherever it points: -i leaves out the links the list did.
      args: ['--xml', '--xml-version=2', `--output-file=${target.outputFile}`, '--enable=warning,portability', '--inline-suppr', '--quiet', ...(fitsCommandLine(target.files) ? asOperands(target.files) : [...(target.leftOutLinks ?? []).flatMap((link) => ['-i', `./${link}`]), '.'])],
      cwd: target.root,
      output: 'file',
    };
  },
  exitMeaning: (code) => (code === 0 ? 'clean' : 'error'),
};
