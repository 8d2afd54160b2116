/**
 * How a claim is decided from runs over several seeds: per-seed numbers ({@link org.lotterylab.evidence.Sample}),
 * their mean with a 95% Student-t interval ({@link org.lotterylab.evidence.Estimate}; paired when two
 * methods share seeds), and a comparison with a margin ({@link org.lotterylab.evidence.Rule}) that gives a
 * {@link org.lotterylab.evidence.Verdict}: holds when the whole interval lies on the claim's side of the
 * margin, fails when it lies on the other side, inconclusive when it straddles it.
 *
 * <pre>{@code
 * Sample ticket = tickets.sample("ticket", r -> 100 * r.round(12).bestAccuracy());   // one value per seed
 * Sample dense = tickets.sample("dense", r -> 100 * r.round(0).bestAccuracy());
 * Evidence evidence = ticket.minus(dense).atLeast(-0.5);   // ticket ≥ dense − 0.5 points
 * scorecard.claim("ticket-7pct", "Tickets at 7% match dense", "≥ dense", "98.1 vs 98.0", evidence);
 * }</pre>
 */
package org.lotterylab.evidence;
