package org.drizzle.host.ast;

/** A node that runs and writes output; a pipeline is the common case. */
public interface Statement extends Node {
}
