/**
 * Lottery tickets: iterative magnitude pruning with rewinding, the tickets it finds, and the
 * sanity-check controls that tell a winning ticket from a lucky mask.
 *
 * <pre>{@code
 * var imp = Imp.with(ImpConfig.of(training).withRounds(10)).storedIn(run);
 * ImpResult result = imp.run(net, trainSet, testSet);
 * Ticket ticket = imp.ticket(7, manager);
 * TrainingHistory control = ticket.reinitialized(net, 99).train(net, training, trainSet, testSet);
 * }</pre>
 */
package org.lotterylab.tickets;
