/**
 * Persistence: the schema (Flyway migrations under {@code db/migration}, written in the SQL subset
 * that PostgreSQL 15 and H2 in PostgreSQL mode both run), the connection pool and the DAOs.
 */
package dev.streamscout.store;
