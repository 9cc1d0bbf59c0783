package uk.opcc.funding.function.engines;

import uk.opcc.funding.engines.StreamRelay;
import uk.opcc.funding.function.NotifierHandler;
import uk.opcc.funding.function.storage.ApplicationTable;

/** The notifier's event source mapping as the stack sets it (see IntakeStack), for the stream relay in tests. */
public final class StackMapping {
    public static final StreamRelay.Mapping NOTIFIER = new StreamRelay.Mapping(NotifierHandler.STREAM_BATCH_SIZE,
            NotifierHandler.STREAM_RETRY_ATTEMPTS, ApplicationTable.KEY, ApplicationTable.APPLICATION_PREFIX, NotifierHandler.TIMEOUT);

    private StackMapping() {
    }
}
