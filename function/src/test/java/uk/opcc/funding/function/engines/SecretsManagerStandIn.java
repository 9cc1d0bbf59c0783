package uk.opcc.funding.function.engines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for AWS Secrets Manager's GetSecretValue over HTTP, as the service's published
 * protocol has it (AWS JSON 1.1): a POST to {@code /} with {@code Content-Type:
 * application/x-amz-json-1.1}, {@code X-Amz-Target: secretsmanager.GetSecretValue}, a SigV4
 * {@code Authorization} scoped to the {@code secretsmanager} service, and {@code {"SecretId"}} in
 * the body; it answers the documented fields, or the documented {@code __type} error for a secret
 * it does not hold. A request that breaks the protocol is refused and noted in
 * {@link #violations}, which the tests check is empty. No engine that runs Secrets Manager's own
 * code exists on Maven Central or npm, and this machine has no Docker, so this is the closest to
 * the real service here: the real SDK client, its marshalling, signing, HTTP and unmarshalling,
 * against the wire format. LocalStackIT (Docker, GitHub's runners) runs the same adapter against
 * LocalStack's Secrets Manager. It does not check the signature itself, IAM, or versions.
 */
public final class SecretsManagerStandIn {
    public static final String REGION = "eu-west-2";
    private static SecretsManagerStandIn instance;

    public final String endpoint;
    public final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private SecretsManagerStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "secrets-manager-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static synchronized SecretsManagerStandIn get() {
        if (instance == null) {
            try {
                instance = new SecretsManagerStandIn();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the Secrets Manager stand-in", e);
            }
        }
        return instance;
    }

    /** Stores a secret; returns its ARN, which a setting may name as well as its name. */
    public String put(String name, String value) {
        secrets.put(name, value);
        secrets.put(arn(name), value);
        return arn(name);
    }

    /** How many times a secret was read, by name or ARN. */
    public int reads(String name) {
        return reads.getOrDefault(name, new AtomicInteger()).get() + reads.getOrDefault(arn(name), new AtomicInteger()).get();
    }

    static String arn(String name) {
        return "arn:aws:secretsmanager:" + REGION + ":000000000000:secret:" + name + "-AbCdEf";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String problem = protocolProblem(exchange);
            if (problem != null) {
                violations.add(problem);
                answer(exchange, 400, Map.of("__type", "InvalidRequestException", "message", problem));
                return;
            }
            Object secretId = json.readValue(body, Map.class).get("SecretId");
            if (!(secretId instanceof String id)) {
                violations.add("no SecretId in " + new String(body, StandardCharsets.UTF_8));
                answer(exchange, 400, Map.of("__type", "InvalidParameterException", "message", "SecretId is required"));
                return;
            }
            reads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            String value = secrets.get(id);
            if (value == null) {
                answer(exchange, 400, Map.of("__type", "ResourceNotFoundException", "message", "Secrets Manager can't find the specified secret."));
                return;
            }
            String name = id.startsWith("arn:") ? id.substring(id.lastIndexOf(':') + 1, id.length() - 7) : id;
            answer(exchange, 200, Map.of("ARN", arn(name), "Name", name, "SecretString", value,
                    "VersionId", "00000000-0000-4000-8000-000000000001", "VersionStages", List.of("AWSCURRENT"), "CreatedDate", 1.7E9));
        }
    }

    private static String protocolProblem(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/")) {
            return "not POST /: " + exchange.getRequestMethod() + " " + exchange.getRequestURI();
        }
        if (!"application/x-amz-json-1.1".equals(headers.getFirst("Content-Type"))) {
            return "Content-Type " + headers.getFirst("Content-Type");
        }
        if (!"secretsmanager.GetSecretValue".equals(headers.getFirst("X-Amz-Target"))) {
            return "X-Amz-Target " + headers.getFirst("X-Amz-Target");
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")
                || !authorization.contains("/secretsmanager/aws4_request") || headers.getFirst("X-Amz-Date") == null) {
            return "not signed with SigV4 for secretsmanager: " + authorization;
        }
        return null;
    }

    private void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stand-in");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
