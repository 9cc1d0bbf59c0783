package uk.opcc.funding.function;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.function.config.IntakeConfig;
import uk.opcc.funding.function.secrets.SecretsManagerSecrets;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.site.FixtureSite;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.function.engines.SecretsManagerStandIn;

/**
 * Shared test data: the fixture funder (the site's src/test/fixture-site, the invented Northmoor
 * office) and its fixed clock, so no behaviour test depends on the real funds, calls or forms.
 */
public final class Fixtures {
    /** The fixture's own data and content, from the function module (where its tests run) or any sibling's. */
    public static final Path FIXTURE_SITE = Path.of("../site/src/test/fixture-site");
    /** The lit-lanes call is open, winter-watch closed, summer-sport upcoming (see FixtureSite). */
    public static final Instant NOW = FixtureSite.NOW;
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Catalogue CATALOGUE = CatalogueReader.read(FIXTURE_SITE).published();
    /** The confirmation-link key the tests' intake is configured with; never a real one. */
    public static final String CONFIRMATION_KEY = "test-only-confirmation-key-0123456789abcdef";
    public static final ConfirmationToken TOKENS = new ConfirmationToken(CONFIRMATION_KEY.getBytes(StandardCharsets.UTF_8), CLOCK);
    public static final Publisher PUBLISHER = Publisher.read(FIXTURE_SITE);

    /** The fund with a cap per grant whose sectioned form the answers below fill in. */
    public static final String FUND = "safer-villages-fund";
    public static final String FORM = "safer-villages";
    /** The fund's call open at {@link #NOW}, with a cap below the fund's. */
    public static final String OPEN_CALL = "lit-lanes-2030";
    /** The fund's call that closed before {@link #NOW}. */
    public static final String CLOSED_CALL = "winter-watch-2029";
    /** The round an application to {@link #FUND} made at {@link #NOW} joins. */
    public static final String ROUND = "NV-2030-R1";
    /** The open fund whose form (no sections) sets the maximum, not the fund. */
    public static final String SHORT_FUND = "youth-diversion-fund";
    public static final String SHORT_FORM = "youth-diversion";
    /** The fund that has ended, with a form still in the catalogue. */
    public static final String ENDED_FUND = "flood-recovery-fund";
    public static final String ENDED_FORM = "flood-recovery";

    private Fixtures() {
    }

    /** The form an application answers, from the fixture's catalogue. */
    public static uk.opcc.funding.catalogue.FormDefinition formOf(uk.opcc.funding.function.intake.Application application) {
        return CATALOGUE.form(application.formId()).orElseThrow(
                () -> new IllegalArgumentException("No form '" + application.formId() + "' in the fixture funder's catalogue"));
    }

    /** The keys the intake files an application under, read by its own form's roles. */
    public static List<String> sameOrganisationKeys(uk.opcc.funding.function.intake.Application application) {
        return uk.opcc.funding.function.intake.SameOrganisation.keys(application, formOf(application));
    }

    /** Saves as the intake does, with the application's own form. */
    public static uk.opcc.funding.function.intake.Applications.Saved save(uk.opcc.funding.function.intake.Applications store,
            uk.opcc.funding.function.intake.Application application, uk.opcc.funding.function.intake.IdempotencyKey key, Instant now) {
        return store.save(application, formOf(application), key, now);
    }

    /** Every question on the {@link #FORM} form answered well, as on {@link #NOW}. */
    public static Map<String, List<String>> answers() {
        return answers(NOW);
    }

    /** The same answers for another moment: the project's dates are never before that day. */
    public static Map<String, List<String>> answers(Instant now) {
        return FixtureAnswers.saferVillages(now.atZone(Catalogue.UK).toLocalDate());
    }

    /** The wiring the functions run, over the fixture funder and its fixed clock, with the AWS clients. */
    /**
     * The resend as the function builds it, over the fixture funder with no final decision: its
     * outcome emails have nothing to send (OutcomeEmailsIT tests the resend with one).
     */
    public static ResendHandler resend(Wiring wiring) {
        return new ResendHandler(wiring.failedEmails(), wiring.outcomeService(new Decisions(List.of(), List.of()), (email, from) -> {
            throw new AssertionError("no outcome email is due: " + email.subject());
        }));
    }

    public static Wiring wiring(Map<String, String> env) {
        return new Wiring(env, CATALOGUE, PUBLISHER, CLOCK, Wiring.Clients.AWS);
    }

    /**
     * The intake over the fixture: its catalogue and clock, its baked form pages, and its secrets
     * read from Secrets Manager (the stand-in, for settings from {@link #withConfirmationKey}).
     */
    public static Wiring.Intake intake(Map<String, String> env) {
        IntakeConfig config = IntakeConfig.from(env);
        return wiring(env).intake(FixtureForms.pages(), new SecretsManagerSecrets(
                Wiring.Clients.AWS.secretsManager(config.region(), config.secrets().endpoint())));
    }

    /**
     * A function's settings for the intake: the test confirmation key stored as a secret in the
     * Secrets Manager stand-in, which the intake reads through its real adapter; the settings name
     * only the secret's ARN, as the stack's do.
     */
    public static Map<String, String> withConfirmationKey(Map<String, String> env) {
        SecretsManagerStandIn secrets = SecretsManagerStandIn.get();
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("CONFIRMATION_KEY_SECRET", secrets.put(CONFIRMATION_KEY_SECRET, CONFIRMATION_KEY));
        all.put("SECRETS_MANAGER_ENDPOINT", secrets.endpoint);
        return all;
    }

    public static final String CONFIRMATION_KEY_SECRET = "funding/test/confirmation-key";

    public static Map<String, List<String>> with(Map<String, List<String>> answers, String field, String... values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(answers);
        if (values.length == 0) {
            changed.remove(field);
        } else {
            changed.put(field, List.of(values));
        }
        return changed;
    }
}
