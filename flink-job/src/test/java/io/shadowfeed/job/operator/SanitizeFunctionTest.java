package io.shadowfeed.job.operator;

import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.serde.TableRows;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SanitizeFunctionTest {

    @Test
    void appliesPoliciesAndLaysOutTheOutputSchema() {
        TableSpec customer = PipelineSpecLoader.parse("""
                tables:
                  customer:
                    input-topic: raw.customer
                    schema: classpath:schemas/chinook/Customer.avsc
                    key: CustomerId
                    default-policy: drop
                    fields:
                      CustomerId: keep
                      Phone: mask:4
                      Fax: null
                      Country: keep
                """, Path.of("."), "t").tables().get(0);
        Object[] in = {2, "Leonie", "Köhler", null, "Theodor-Heuss-Straße 34", "Stuttgart", null, "Germany",
                "70174", "+49 0711 2842222", "+49 0711 2842223", "leonekohler@surfeu.de", 5, 1_000L, 2_000L, 1, 77L,
                null, "none"};
        SanitizeFunction function = new SanitizeFunction(customer);
        function.open((org.apache.flink.api.common.functions.OpenContext) null);
        Row out = function.map(Row.of(in));
        // CustomerId, Country, Phone, Fax in schema order, then the metadata (TableRows)
        assertThat(out.getArity()).isEqualTo(4 + TableRows.METADATA_FIELDS);
        assertThat(out.getField(0)).isEqualTo(2);
        assertThat(out.getField(1)).isEqualTo("Germany");
        assertThat(out.getField(2)).isEqualTo("+** **** ***2222");
        assertThat(out.getField(3)).isNull();
        assertThat(out.getField(4)).isEqualTo(1_000L);
        assertThat(out.getField(5)).isEqualTo(2_000L);
        assertThat(out.getField(6)).isEqualTo(1);
        assertThat(out.getField(7)).isEqualTo(77L);
        assertThat(customer.outputSchema().fields()).extracting(f -> f.name())
                .containsExactly("CustomerId", "Country", "Phone", "Fax");
        assertThat(customer.outputSchema().field("Fax").orElseThrow().nullable()).isTrue();
    }
}
