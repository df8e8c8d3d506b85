package org.drizzle.engine.service;

/** Machine service (root, one for all users) or per-user service (an agent for one user). */
public enum ServiceMode {
    MACHINE, USER
}
