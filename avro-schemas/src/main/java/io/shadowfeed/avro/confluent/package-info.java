/**
 * The one adapter over the shaded Avro and Confluent classes of {@code flink-sql-avro-confluent-registry}.
 *
 * <p>Nothing outside this package (and its {@code compat} sub-package) imports {@code org.apache.flink.avro.shaded}
 * or {@code ...confluent.shaded}: the rest of the code sees {@link io.shadowfeed.avro.schema.TableSchema} and plain
 * Java values. Keeping the shaded types in one place is what lets the job, the trainer and the CLI ignore the
 * relocation (see STACK.md: "Avro and the Confluent wire format").
 */
package io.shadowfeed.avro.confluent;
