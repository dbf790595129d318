// A small deterministic generator (mulberry32), so a failing random test replays from its seed. One implementation,
// in the account data module that the endpoint's random accounts also draw from.
export { seededRandom, seedFrom } from '../endpoint/accountData.mjs';
