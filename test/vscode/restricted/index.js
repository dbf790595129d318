'use strict';
// The Restricted Mode suite: the same runner as ../suite, for the tests beside this file.
exports.run = () => require('../suite/index.js').runIn(__dirname);
