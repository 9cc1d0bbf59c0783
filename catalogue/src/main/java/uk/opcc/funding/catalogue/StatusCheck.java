package uk.opcc.funding.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Is the deployed site out of date? Compares what the deployed {@code catalogue.json} says (each
 * call's status and each fund's next panel round, as at its bake) with what the source says now.
 * The deploy workflow runs it every few minutes and rebakes and deploys only when it finds a
 * difference, so a call opens and closes on the site within minutes without a deploy every time.
 */
public final class StatusCheck {
    private StatusCheck() {
    }

    /** Every difference, in words; empty when the deployed site is still right at {@code now}. */
    public static List<String> differences(Catalogue published, String deployedJson, Instant now) {
        Map<String, Object> deployed;
        try {
            deployed = CatalogueJson.parse(deployedJson);
        } catch (IllegalArgumentException e) {
            deployed = null;
        }
        if (deployed == null) {
            return List.of("the deployed catalogue could not be read");
        }
        List<String> differences = new ArrayList<>();
        Map<String, Object> deployedCalls = byId(deployed.get("calls"));
        for (Call call : published.calls()) {
            Object was = deployedCalls.containsKey(call.id()) ? ((Map<?, ?>) deployedCalls.get(call.id())).get("status") : null;
            String is = call.statusAt(now).slug();
            if (was == null) {
                differences.add("call " + call.id() + " is not on the deployed site");
            } else if (!is.equals(was)) {
                differences.add("call " + call.id() + ": " + was + " -> " + is);
            }
        }
        deployedCalls.keySet().stream().filter(id -> published.call(id).isEmpty())
                .forEach(id -> differences.add("call " + id + " is no longer published"));
        Map<String, Object> deployedFunds = byId(deployed.get("funds"));
        for (Fund fund : published.funds()) {
            Object was = deployedFunds.containsKey(fund.id()) ? ((Map<?, ?>) deployedFunds.get(fund.id())).get("nextRound") : null;
            String is = fund.nextRound(now).map(PanelRound::id).orElse(null);
            if (!deployedFunds.containsKey(fund.id())) {
                differences.add("fund " + fund.id() + " is not on the deployed site");
            } else if (!Objects.equals(was, is)) {
                differences.add("fund " + fund.id() + ": next panel round " + was + " -> " + is);
            }
        }
        return differences;
    }

    private static Map<String, Object> byId(Object list) {
        Map<String, Object> byId = new LinkedHashMap<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && map.get("id") != null) {
                    byId.put(map.get("id").toString(), map);
                }
            }
        }
        return byId;
    }

    /**
     * {@code StatusCheck <jbake source> <deployed catalogue.json>}: prints each difference, then
     * {@code changed=true} or {@code changed=false} (a line for $GITHUB_OUTPUT). A missing or
     * empty file (no site deployed yet, or it could not be fetched) counts as changed.
     */
    public static void main(String[] args) throws IOException {
        Catalogue published = CatalogueReader.read(Path.of(args[0])).published();
        Path deployed = Path.of(args[1]);
        String json = Files.exists(deployed) ? Files.readString(deployed) : "";
        List<String> differences = differences(published, json, Instant.now());
        differences.forEach(d -> System.err.println("changed: " + d));
        System.out.println("changed=" + !differences.isEmpty());
    }
}
