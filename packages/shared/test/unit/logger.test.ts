import { createLogger } from '../../src/observability/logger';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  jest.restoreAllMocks();
});

describe('createLogger', () => {
  // Lambda sets AWS_LAMBDA_LOG_LEVEL to INFO on every stage (see
  // serverless.yml), and prod sets POWERTOOLS_LOG_LEVEL to WARN.
  test('applies the stage level over Lambda’s', () => {
    process.env.AWS_LAMBDA_LOG_LEVEL = 'INFO';
    process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture);
    const logger = createLogger('test');

    logger.info('an info line');
    logger.warn('a warning');

    expect(written.join('')).not.toContain('an info line');
    expect(written.join('')).toContain('a warning');
  });
});
