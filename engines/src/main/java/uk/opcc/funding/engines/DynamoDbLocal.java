package uk.opcc.funding.engines;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import java.util.function.BiConsumer;

/**
 * DynamoDB Local, the real engine, as an HTTP server on a free loopback port: started once per
 * test JVM, reached through the same SDK client and HTTP client the Lambda uses.
 */
public final class DynamoDbLocal {
    /** The only address the engine listens on: it has no authentication, so nothing off this machine may reach it. */
    public static final String LOOPBACK = "127.0.0.1";

    private static DynamoDbLocal instance;

    public final String endpoint;
    private final LocalDynamoDBRequestHandler requests;
    private final LocalDynamoDBServerHandler handler;
    private final Server jetty;

    /**
     * What {@code ServerRunner} builds for {@code -port N -inMemory|-dbPath F -disableTelemetry}, but
     * with its one connector on loopback (ServerRunner's Jetty {@code Server(port)} listens on every
     * interface and has no option for the address), and answering only once the request's writes
     * are committed ({@link CommittedAnswers}).
     */
    private DynamoDbLocal(int port, java.nio.file.Path dataFolder) throws Exception {
        requests = new LocalDynamoDBRequestHandler(0, dataFolder == null, dataFolder == null ? null : dataFolder.toString(), false, false);
        handler = new LocalDynamoDBServerHandler(requests, null);
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        jetty.addConnector(connector);
        // The proxy server is built only for its handler tree; it is never started, so its own Server(port) never listens.
        jetty.setHandler(new CommittedAnswers(new DynamoDBProxyServer(port, handler).setUpHandler(handler), requests));
        jetty.start();
        endpoint = "http://" + LOOPBACK + ":" + port;
    }

    /**
     * An engine that keeps its tables in {@code dataFolder}, for the local run, which stops it itself
     * (no shutdown hook: on Ctrl-C one would stop it under the run's last write, as hooks run at once).
     */
    public static DynamoDbLocal keepingDataIn(java.nio.file.Path dataFolder) {
        try {
            java.nio.file.Files.createDirectories(dataFolder);
            return new DynamoDbLocal(freePort(), dataFolder);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    /**
     * Creates the table unless it exists already (a local run's data is kept between runs); a table
     * kept from before is given to {@code upgrade}, to bring it to today's shape.
     *
     * @param create  makes a table of the shape wanted, named as given
     * @param upgrade brings a kept table to that shape
     */
    public void ensureTable(String name, BiConsumer<DynamoDbClient, String> create, BiConsumer<DynamoDbClient, String> upgrade) {
        try (DynamoDbClient client = client()) {
            if (!client.listTables().tableNames().contains(name)) {
                create.accept(client, name);
                return;
            }
            upgrade.accept(client, name);
        }
    }

    public static synchronized DynamoDbLocal get() {
        if (instance == null) {
            try {
                instance = new DynamoDbLocal(freePort(), null);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop)); // the test JVM's one engine, shared to its end
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        }
        return instance;
    }

    /** A new, empty table that {@code create} makes, with a name of its own for the test. */
    public String newTable(BiConsumer<DynamoDbClient, String> create) {
        String name = "table-" + UUID.randomUUID();
        try (DynamoDbClient client = client()) {
            create.accept(client, name);
        }
        return name;
    }

    /**
     * The same shape with its stream turned off, for a test or benchmark that reads no stream.
     * DynamoDB Local works out a stream's description on every write to a table with one, by
     * reading every stream record the engine holds (its one SQLite thread, holding the write lock,
     * in {@code SQLiteDBAccessJob.getStreamDescription}), so in a JVM that makes table after table
     * each write costs more than the last; DynamoDB does nothing of the kind.
     */
    public String newTableWithoutStream(BiConsumer<DynamoDbClient, String> create) {
        String name = newTable(create);
        try (DynamoDbClient client = client()) {
            client.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(false)));
        }
        return name;
    }

    /** The environment the handlers' no-arg wiring reads, pointing at this engine. */
    public Map<String, String> environment(String table) {
        return Map.of("TABLE_NAME", table, "AWS_REGION", "eu-west-2", "DYNAMODB_ENDPOINT", endpoint);
    }

    public DynamoDbClient client() {
        return client(null);
    }

    /** The same, with an interceptor that sees every request: a benchmark counting or capturing what is sent. */
    public DynamoDbClient client(software.amazon.awssdk.core.interceptor.ExecutionInterceptor interceptor) {
        var builder = DynamoDbClient.builder().endpointOverride(java.net.URI.create(endpoint)).region(Region.EU_WEST_2)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        if (interceptor != null) {
            builder.overrideConfiguration(c -> c.addExecutionInterceptor(interceptor));
        }
        return builder.build();
    }

    public DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder().endpointOverride(java.net.URI.create(endpoint)).region(Region.EU_WEST_2)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    public void stop() {
        try {
            jetty.stop();
            handler.close();
        } catch (Exception e) {
            // the JVM is exiting
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
