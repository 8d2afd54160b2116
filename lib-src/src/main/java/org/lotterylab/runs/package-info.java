/**
 * The experiment store, in the style of open_lth: a run's hyper-parameters are a record, the
 * record's stable hash names the run's folder, and everything a run writes there is written
 * atomically, so a re-executed notebook loads finished runs and resumes interrupted ones.
 *
 * <pre>{@code
 * Run run = RunStore.at(Lab.runsDir()).experiment("lottery-ticket").run(config);
 * if (run.isFinished()) return run.results(Summary.class).orElseThrow();
 * }</pre>
 *
 * <p>Seeds are a dimension of every experiment: {@link org.lotterylab.runs.Experiment#acrossSeeds} runs one
 * stored run per seed ({@link org.lotterylab.runs.Seeds}) and gives the results per seed
 * ({@link org.lotterylab.runs.PerSeed}), ready to be compared in {@code org.lotterylab.evidence};
 * {@link org.lotterylab.runs.Experiment#once} computes any result once and loads it afterwards.
 *
 * <p>Finished runs' models are also served by a DJL model zoo ({@link org.lotterylab.runs.LabModelZoo}).
 */
package org.lotterylab.runs;
