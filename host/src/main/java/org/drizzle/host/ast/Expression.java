package org.drizzle.host.ast;

/** A node that produces a value. */
public interface Expression extends Node {
}
