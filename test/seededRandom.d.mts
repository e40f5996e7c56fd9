/**
 * A generator of numbers in [0, 1) that gives the same sequence for the same
 * `seed`, so a test or a benchmark meets the same faults in the same order on
 * every run.
 */
export declare function seededRandom(seed: number): () => number;
