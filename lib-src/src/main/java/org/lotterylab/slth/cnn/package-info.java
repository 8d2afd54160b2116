/**
 * The structured strong-lottery-ticket construction for CNNs (da Cunha, d'Amore, Natale 2023): a
 * random CNN with two layers per target layer — a 1×1 convolution giving each input channel its
 * own block of 2n channels, then a d×d convolution — pruned by multidimensional subset sums of NSN
 * vectors so that whole channels are kept or removed, never single weights of a kept kernel.
 *
 * <pre>{@code
 * ConvTarget cnn = new ConvTarget(new Shape(1, 28, 28), 3, List.of(8, 8), 10);   // conv 1→8 → conv 8→8 → fc
 * Net target = cnn.net().initialize(manager, 0);          // ... trained
 * try (StructuredTicket ticket = StructuredConstruction.of(500).build(cnn, target, manager)) {
 *     double accuracy = Evaluate.accuracy(ticket.compact(), test);   // same outputs, kept channels only
 *     display(ticket.ticket().mask().report());
 * }
 * }</pre>
 */
package org.lotterylab.slth.cnn;
