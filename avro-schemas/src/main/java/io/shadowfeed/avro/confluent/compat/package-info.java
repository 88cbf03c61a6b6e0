/**
 * The schema registry's window onto the shaded Avro classes: parsing, canonical form and reader / writer
 * compatibility of Avro schemas, exposed as Strings and this package's own types only.
 *
 * <p>No other class of {@code io.shadowfeed.avro.registry} imports shaded Avro or Confluent classes.
 */
package io.shadowfeed.avro.confluent.compat;
