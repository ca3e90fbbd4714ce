import { describeCapacity } from './support/capacity';
import { describeIam } from './support/iam';
import { packageTemplates, type Template } from './support/package-templates';
import { describeReleases } from './support/releases';
import { describeSafetyNets } from './support/safety-nets';

// One file packages every service once for both stages: two test files
// packaging the same service at once would share its .esbuild folder.
const STAGES = ['dev', 'prod'];

let templates: Map<string, Map<string, Template>>;

beforeAll(async () => {
  templates = await packageTemplates(STAGES);
}, 600_000);

function templateOf(stage: string, service: string): Template {
  const template = templates.get(stage)?.get(service);
  if (!template) throw new Error(`no ${stage} template for ${service}`);
  return template;
}

describeSafetyNets(STAGES, templateOf);
describeReleases(STAGES, templateOf);
describeIam(STAGES, templateOf);
describeCapacity(STAGES, templateOf);
