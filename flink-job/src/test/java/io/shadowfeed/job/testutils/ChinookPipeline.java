package io.shadowfeed.job.testutils;

import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;

import java.nio.file.Path;

/** The Chinook customer -> invoice -> invoice_line pipeline with topic names unique to one test. */
public final class ChinookPipeline {

    private ChinookPipeline() {}

    public static PipelineSpec spec(String name, String bootstrapServers, String registryUrl, int maxRecordBytes,
                                    String checkpointInterval) {
        String yaml = """
                version: 1
                name: %1$s
                kafka:
                  bootstrap-servers: %2$s
                registry:
                  url: %3$s
                dead-letter-topic: dlq.%1$s
                job:
                  checkpoint-interval: %5$s
                  parallelism: 2
                  max-record-bytes: %4$d
                tables:
                  customer:
                    input-topic: raw.customer.%1$s
                    output-topic: anon.customer.%1$s
                    schema: classpath:schemas/chinook/Customer.avsc
                    key: CustomerId
                    fields:
                      CustomerId: keep
                      FirstName: mask:1
                      LastName: mask:1
                      Company: mask:0
                      Address: drop
                      City: keep
                      State: keep
                      Country: keep
                      PostalCode: mask:2
                      Phone: mask:4
                      Fax: null
                      Email: mask:0
                      SupportRepId: keep
                  invoice:
                    input-topic: raw.invoice.%1$s
                    output-topic: anon.invoice.%1$s
                    schema: classpath:schemas/chinook/Invoice.avsc
                    key: InvoiceId
                    event-time: InvoiceDate
                    foreign-keys:
                      CustomerId: customer.CustomerId
                    # Replayed history: event time runs years ahead of the parents' Kafka time, so no real wait.
                    parent-wait: 36500d
                    default-policy: keep
                    fields:
                      BillingAddress: drop
                      BillingPostalCode: mask:2
                  invoice_line:
                    input-topic: raw.invoice_line.%1$s
                    output-topic: anon.invoice_line.%1$s
                    schema: classpath:schemas/chinook/InvoiceLine.avsc
                    key: InvoiceLineId
                    foreign-keys:
                      InvoiceId: invoice.InvoiceId
                    parent-wait: 36500d
                    default-policy: keep
                """.formatted(name, bootstrapServers, registryUrl, maxRecordBytes, checkpointInterval);
        return PipelineSpecLoader.parse(yaml, Path.of("."), "test spec " + name);
    }
}
