package uk.opcc.funding.function.panel;

import uk.opcc.funding.function.endorse.EndorsementState;

import java.util.List;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.intake.Application;

/** The panel pack's port: the applications of one fund's round. */
public interface RoundApplications {
    /**
     * Every application stored for one fund's panel round (as {@code Application.panelRound}),
     * earliest received first.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    List<Application> applicationsInRound(String fundId, String roundId);

    /**
     * The same applications, each with its endorsement's steps as stored (none where the fund asks for none).
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    default List<EndorsementState> roundWithEndorsements(String fundId, String roundId) {
        return applicationsInRound(fundId, roundId).stream().map(a -> new EndorsementState(a, java.util.Map.of(), List.of())).toList();
    }
}
