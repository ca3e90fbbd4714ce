import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readPackagedTemplate } from '../src/template';

// Each service deploys alone, so its packaged template must not refer to
// another stack: no imported outputs and no other service's resources.
const servicesDir = path.resolve(__dirname, '../../../services');
const services = readdirSync(servicesDir);

describe.each(services)('packaged template of %s', (service) => {
  const template = JSON.stringify(
    readPackagedTemplate(path.join(servicesDir, service)),
  );

  test('imports no other stack output', () => {
    expect(template).not.toContain('Fn::ImportValue');
  });

  test.each(services.filter((other) => other !== service))(
    'names no resource of %s',
    (other) => {
      expect(template).not.toContain(`retail-${other}-`);
    },
  );
});
