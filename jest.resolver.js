// Jest resolves packages with the `require` condition. middy and
// dynamodb-toolbox publish only an `import` entry point, so those two are
// resolved with the `import` condition and compiled by SWC (see
// transformIgnorePatterns in jest.config.js).
const ES_ONLY_PACKAGES = /^(@middy\/|dynamodb-toolbox(\/|$))/;

module.exports = (request, options) => {
  if (!ES_ONLY_PACKAGES.test(request)) {
    return options.defaultResolver(request, options);
  }
  return options.defaultResolver(request, {
    ...options,
    conditions: ['import', 'node', 'default'],
  });
};
