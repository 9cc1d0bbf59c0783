package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import uk.opcc.funding.function.storage.ApplicationTable;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.Events;

/** The priming SnapStart runs before its snapshot: the whole intake path, and not one write to the real table. */
class PrimingIT {
    final DynamoDbLocal dynamoDb = DynamoDbLocal.get();
    final String table = dynamoDb.newTableWithoutStream(ApplicationTable::create); // reads no stream
    final DynamoDbClient client = dynamoDb.client();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void marshalsAStoreForEveryFormAndWritesNothingToTheTable() {
        // given the intake wired as Lambda wires it, against a real table
        Wiring.Intake intake = Wiring.packaged(Fixtures.withConfirmationKey(dynamoDb.environment(table))).intake();
        int forms = Wiring.catalogue().forms().size();

        // when SnapStart's hook runs before the snapshot
        intake.priming().beforeCheckpoint(null);
        List<String> marshalled = intake.priming().run();

        // then the Secrets Manager read (offline, no real secret) and the store's transaction for every
        // form were marshalled, and the table is still empty
        assertThat(forms).isPositive();
        assertThat(marshalled).first().isEqualTo("secretsmanager.GetSecretValue");
        assertThat(marshalled.subList(1, marshalled.size())).hasSize(forms).allMatch(op -> op.equals("DynamoDB_20120810.TransactWriteItems"));
        assertThat(client.scan(b -> b.tableName(table)).count()).isZero();
    }

    @Test
    void leavesTheHandlerWorkingAfterwards() {
        // given a primed intake (the fixture funder's: its answers are the tests' own)
        Wiring.Intake intake = Fixtures.intake(Fixtures.withConfirmationKey(dynamoDb.environment(table)));
        intake.priming().run();

        // when an application arrives after the restore
        var response = new IntakeHandler(intake).handleRequest(Events.json(Fixtures.FORM, ApplicationJourneyIT.answersNow()), null);

        // then it is stored, once, in the real table
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(client.scan(b -> b.tableName(table)).items()).anySatisfy(item -> assertThat(item.get("pk").s()).startsWith("APP#"));
    }
}
