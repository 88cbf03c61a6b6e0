package io.shadowfeed.privacy.dp.ledger;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a ledger for auditors: every record as a JSON line (the {@link LedgerRecordCodec} format: the budget
 * declaration, then each charge with its mechanism, parameters, RDP curve or rho, epsilon alone, purpose, time and
 * principal), then one summary line ({@code "kind": "summary"}) with the composed spend and what remains.
 */
public final class LedgerAudit {

    private LedgerAudit() {}

    public static void write(LedgerSnapshot snapshot, Writer out) throws IOException {
        LedgerPreconditions.checkNotNull(snapshot, "snapshot");
        LedgerPreconditions.checkNotNull(out, "out");
        for (LedgerRecord record : snapshot.records()) {
            out.write(LedgerRecordCodec.encode(record));
            out.write('\n');
        }
        out.write(LedgerRecordCodec.encode(snapshot.summary()));
        out.write('\n');
        out.flush();
    }
}
