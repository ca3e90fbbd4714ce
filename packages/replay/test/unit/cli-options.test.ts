import { parseCliArgs } from '../../src/cli-options';
import { UsageError } from '../../src/errors';

describe('parseCliArgs', () => {
  it('applies the defaults', () => {
    const options = parseCliArgs(['day.csv'], '/data');

    expect(options).toEqual({
      files: ['/data/day.csv'],
      speed: undefined,
      concurrency: 8,
      stockRatio: 0.9,
      json: undefined,
      idleTimeoutMs: 600_000,
      quiet: false,
      help: false,
    });
  });

  it('drops the separator pnpm passes through', () => {
    const options = parseCliArgs(['--', '--speed', '60', 'a.csv'], '/d');

    expect(options.speed).toBe(60);
    expect(options.files).toEqual(['/d/a.csv']);
  });

  it('reads a file named twice once', () => {
    const options = parseCliArgs(['a.csv', './a.csv', '/d/a.csv'], '/d');

    expect(options.files).toEqual(['/d/a.csv']);
  });

  it('reads every option', () => {
    const options = parseCliArgs(
      [
        '--concurrency',
        '16',
        '--stock-ratio',
        '1.2',
        '--json',
        'out.json',
        '--idle-timeout',
        '30',
        '--quiet',
        'a.csv',
        'b.csv',
      ],
      '/d',
    );

    expect(options.concurrency).toBe(16);
    expect(options.stockRatio).toBe(1.2);
    expect(options.json).toBe('/d/out.json');
    expect(options.idleTimeoutMs).toBe(30_000);
    expect(options.quiet).toBe(true);
    expect(options.files).toEqual(['/d/a.csv', '/d/b.csv']);
  });

  it.each([
    [['--speed', '0', 'a.csv'], /--speed "0"/],
    [['--concurrency', '2.5', 'a.csv'], /--concurrency "2.5"/],
    [['--stock-ratio=-1', 'a.csv'], /--stock-ratio "-1"/],
    [['--sped', '2', 'a.csv'], /Unknown option '--sped'/],
    [['--speed', 'fast', 'a.csv'], /--speed "fast"/],
    [[], /missing FILE/],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args, '/d')).toThrow(UsageError);
    expect(() => parseCliArgs(args, '/d')).toThrow(message);
  });

  it('accepts --help without files', () => {
    expect(parseCliArgs(['--help'], '/d').help).toBe(true);
  });
});
