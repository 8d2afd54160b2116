package org.lotterylab.kernel;

/**
 * A type only {@link TestRendererProvider} knows how to show.
 *
 * @param name who is greeted
 */
public record TestGreeting(String name) {}
