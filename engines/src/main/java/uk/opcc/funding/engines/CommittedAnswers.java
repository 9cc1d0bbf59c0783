package uk.opcc.funding.engines;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.amazonaws.services.dynamodbv2.local.shared.access.LocalDBClient;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteDBAccess;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * DynamoDB Local answers a transaction before it is committed: its {@code commitTransaction} puts
 * the SQLite COMMIT on the database's job queue and does not wait for it, so a process killed
 * between the answer and the COMMIT loses a write its caller was told had succeeded (a kill -9 of
 * the local run lost the last acknowledged application). This holds a transaction's answer until
 * every job queued before it has run: an empty job on each database's queue, which runs its jobs
 * one at a time, in order, so only after the COMMIT. Every other operation commits inside its own
 * job before it answers, and is not held.
 *
 * <p>The queues are private to DynamoDB Local: a renamed field fails the engine's start, so it can
 * never go back to answering early unnoticed.
 */
final class CommittedAnswers extends Handler.Wrapper {
    /** The operations that end in {@code commitTransaction} ({@code X-Amz-Target}: {@code DynamoDB_20120810.<operation>}). */
    private static final Set<String> TRANSACTIONS = Set.of("TransactWriteItems", "ExecuteTransaction");

    private final LocalDynamoDBRequestHandler requests;
    private final Field databases = field(LocalDynamoDBRequestHandler.class, "dbRequestHandlers");
    private final Field access = field(LocalDBClient.class, "dbAccess");
    private final Field queue = field(SQLiteDBAccess.class, "queue");

    CommittedAnswers(Handler handler, LocalDynamoDBRequestHandler requests) {
        super(handler);
        this.requests = requests;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String target = request.getHeaders().get("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        if (!TRANSACTIONS.contains(operation)) {
            return super.handle(request, response, callback);
        }
        return super.handle(request, new Response.Wrapper(request, response) {
            private boolean committed;

            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                if (!committed) {
                    committed = true;
                    waitForQueuedCommits();
                }
                super.write(last, content, written);
            }
        }, callback);
    }

    @SuppressWarnings("unchecked")
    private void waitForQueuedCommits() {
        try {
            List<AmazonDynamoDBLocal> open;
            synchronized (requests) { // the handler adds a database under this lock when one is first used
                open = List.copyOf(((Map<?, AmazonDynamoDBLocal>) databases.get(requests)).values());
            }
            for (AmazonDynamoDBLocal database : open) {
                ((SQLiteQueue) queue.get(access.get(database))).execute(new SQLiteJob<Void>() {
                    @Override
                    protected Void job(SQLiteConnection connection) {
                        return null;
                    }
                }).complete();
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DynamoDB Local's " + owner.getSimpleName() + " has no field " + name + " any more", e);
        }
    }
}
