/**
 * Reading training tables from CSV and Avro container files into {@link io.shadowfeed.trainer.data.RawTable}s, and
 * writing typed tables back as CSV. Avro is reached only through {@code io.shadowfeed.avro.confluent}.
 */
package io.shadowfeed.trainer.io;
