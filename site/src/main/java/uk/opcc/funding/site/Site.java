package uk.opcc.funding.site;

import uk.opcc.funding.catalogue.Publisher;

/**
 * Who publishes the site ({@code data/opcc.yml}, read by the catalogue's {@link Publisher}, the
 * same reader the function uses) and where: what the feed, calendar and sitemap need to name
 * themselves and their addresses.
 */
record Site(Publisher publisher, String host) {
    Site {
        host = host.replaceAll("/+$", "");
    }

    String url(String path) {
        return host + (path.startsWith("/") ? path : "/" + path);
    }
}
