package uk.opcc.funding.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who publishes the site, from {@code data/opcc.yml}: the office applicants are told to contact,
 * the names the site's pages, feed and calendar go by, and how many emails it sends to any one address given on a form in a day. Another OPCC edits
 * that file, never code. The function carries no YAML reader, so the build packages this into it
 * as {@code publisher.json}, as it does the catalogue. The one reader of that file: the site's
 * bake reads it here too.
 *
 * @param emailsToOneAddressADay the most emails sent to one address a visitor typed, in one day
 *                               (UK time); later ones are held back and staff are told
 */
public record Publisher(String name, String shortName, String service, String phone, String email, List<String> address,
                        int emailsToOneAddressADay) {
    public Publisher {
        address = List.copyOf(address);
        if (emailsToOneAddressADay < 0) {
            throw new IllegalArgumentException("emailsToOneAddressADay cannot be negative");
        }
    }

    /** @throws CatalogueException naming each missing detail */
    public static Publisher read(Path jbakeSource) {
        return of(opccYaml(jbakeSource));
    }

    /**
     * The source's {@code data/opcc.yml}, read once for everything that comes from it (this, and the
     * open data's funders and prefix).
     */
    public static Map<?, ?> opccYaml(Path jbakeSource) {
        Path file = jbakeSource.resolve("data/opcc.yml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // Through the reader: naming snakeyaml here would break this class in the function's jar, which has no YAML.
            return CatalogueReader.loadYaml(reader) instanceof Map<?, ?> map ? map : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** @param yaml {@code data/opcc.yml}, as {@link #opccYaml} reads it */
    public static Publisher of(Map<?, ?> yaml) {
        List<String> problems = new ArrayList<>();
        // The site is published in the name of the current funder of record: the last of 'funders', with no end date.
        String name = yaml.get("funders") instanceof List<?> funders && !funders.isEmpty() && funders.get(funders.size() - 1) instanceof Map<?, ?> current
                ? CatalogueReader.text(current.get("name")) : null;
        if (name == null) {
            problems.add("data/opcc.yml: 'funders' is missing, or its last (current) entry has no 'name': the site is published in its name");
        }
        for (String key : List.of("phone", "email")) {
            if (!(yaml.get(key) instanceof String value) || value.isBlank()) {
                problems.add("data/opcc.yml: '" + key + "' is missing: applicants are told to contact the office with it");
            }
        }
        for (String key : List.of("shortName", "service")) {
            if (!(yaml.get(key) instanceof String value) || value.isBlank()) {
                problems.add("data/opcc.yml: '" + key + "' is missing: every page's title, the feed and the calendar name the site with it");
            }
        }
        if (!(yaml.get("address") instanceof List<?> lines) || lines.isEmpty()) {
            problems.add("data/opcc.yml: 'address' is missing: a list of the address's lines");
        }
        if (!(yaml.get("emailsToOneAddressADay") instanceof Integer cap) || cap < 1 || cap > 50) {
            problems.add("data/opcc.yml: 'emailsToOneAddressADay' must be a whole number from 1 to 50: "
                    + "the most emails sent in a day to one address typed into a form");
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new Publisher(name, (String) yaml.get("shortName"), (String) yaml.get("service"),
                (String) yaml.get("phone"), (String) yaml.get("email"),
                ((List<?>) yaml.get("address")).stream().map(String::valueOf).toList(), (Integer) yaml.get("emailsToOneAddressADay"));
    }

    /**
     * The telephone number as a {@code tel:} link wants it (RFC 3966, international form), worked
     * out from {@code phone} so the office types its number once: {@code 01768 217734} gives
     * {@code +441768217734}; a number already written with {@code +} keeps its country code.
     */
    public String phoneLink() {
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.strip().startsWith("+")) {
            return "+" + digits;
        }
        return digits.startsWith("0") ? "+44" + digits.substring(1) : digits;
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("shortName", shortName);
        json.put("service", service);
        json.put("phone", phone);
        json.put("email", email);
        json.put("address", address);
        json.put("emailsToOneAddressADay", emailsToOneAddressADay);
        return Json.write(json);
    }

    @SuppressWarnings("unchecked")
    public static Publisher fromJson(String json) {
        Map<String, Object> map = CatalogueJson.parse(json);
        return new Publisher((String) map.get("name"), (String) map.get("shortName"), (String) map.get("service"), (String) map.get("phone"), (String) map.get("email"), (List<String>) map.get("address"),
                ((Number) map.get("emailsToOneAddressADay")).intValue());
    }

    /** For the function's build: {@code Publisher <jbake source> <output file>}. */
    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[1]);
        Files.createDirectories(output.getParent());
        Files.writeString(output, read(Path.of(args[0])).toJson());
    }
}
