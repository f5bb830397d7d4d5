'use strict';
// Deliberately hardcoded credentials (flaws 4 and 5 in FLAWS.md): real apps read them from a secret store.
module.exports = {
  aws: {
    region: 'eu-west-1',
    accessKeyId: 'AKIAUJZDEGXDNCF32EPF',
    secretAccessKey: '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',
  },
  github: {
    token: 'ghp_hGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rES',
  },
};
