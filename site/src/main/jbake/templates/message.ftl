<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- The intake function's own pages (a problem with an application, a confirmation it cannot
     show) in the site's layout: it puts the title and the message in place of the markers
     (catalogue's PageMarkers). The contact details are the site's, from data/opcc.yml. -->
<@layout.page title=markers.title description=markers.title>
${markers.message?no_esc}
<h2 class="heading-m">Contact us</h2>
<p>If you need help, call us on <a href="tel:${opcc.phoneLink}">${opcc.phone}</a> or email
  <a href="mailto:${opcc.email}">${opcc.email}</a>. Tell us which fund or call you are applying to.
  You can also ask for the form on paper or in another format.</p>
</@layout.page>
