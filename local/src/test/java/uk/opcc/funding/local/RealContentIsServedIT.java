package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.text.Html;

/**
 * The one local-run test of the real site source: whatever the real content says, the local run
 * bakes it and serves every fund, call and form it has, under its publisher's name. Every other
 * local test runs on the fixture funder; this one names nothing of the real content, so it holds
 * on any valid content (in .ci/second-funder, the fixture's in its place).
 */
class RealContentIsServedIT {
    private static final Pattern FUND_LINK = Pattern.compile("href=\"(/funds/[^\"]+\\.html)\"");

    @RegisterExtension
    static final LocalRunFixture local = LocalRunFixture.overTheRealSource();

    @Test
    void theRealContentIsBakedAndEveryFundCallAndFormOfItIsServed() throws Exception {
        // given the real source's catalogue and publisher, read as the local run reads them
        Catalogue catalogue = local.catalogue();
        Publisher publisher = Publisher.read(local.source());
        assertThat(catalogue.funds()).as("the real content has funds").isNotEmpty();

        // then the home page lists every fund under the publisher's name, and each fund's page is served
        String home = served("/");
        assertThat(home).contains(Html.escape(publisher.name()));
        for (Fund fund : catalogue.funds()) {
            assertThat(home).as("the home page lists %s", fund.id()).contains(Html.escape(fund.name()));
        }
        Set<String> fundPages = new LinkedHashSet<>();
        for (Matcher links = FUND_LINK.matcher(home); links.find(); ) {
            fundPages.add(links.group(1));
        }
        assertThat(fundPages).as("links to the funds' pages").hasSize(catalogue.funds().size());
        for (String page : fundPages) {
            served(page);
        }

        // and every published call's page and every form's page, with the calls list and feeds
        String callsList = served("/calls/");
        for (Call call : catalogue.calls()) {
            assertThat(served("/" + call.uri())).contains(Html.escape(call.title()));
            assertThat(callsList).as("the calls list names %s", call.id()).contains(Html.escape(call.title()));
        }
        for (FormDefinition form : catalogue.forms()) {
            assertThat(served("/forms/" + form.id() + "/")).contains(Html.escape(form.title()));
        }
        for (String feed : List.of("/calls.atom", "/deadlines.ics")) {
            served(feed);
        }
    }

    static String served(String path) throws Exception {
        HttpResponse<String> response = local.get(path);
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }
}
