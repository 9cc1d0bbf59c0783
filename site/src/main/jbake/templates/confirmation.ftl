<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- The intake function serves this page for a signed confirmation link, with the reference, and
     what happens next (the panel round and when decisions are made), the address the applicant's
     email goes to and their answers to print (each escaped by the intake), in place of the markers
     (catalogue's PageMarkers). -->
<#assign view = content.view>
<@layout.page title="Application sent" description="Your application has been sent." current="home" print=true>
<div class="panel">
  <h1 class="panel__title">Application sent</h1>
  <div class="panel__body">Your reference number<br><strong class="panel__reference" data-reference>${markers.reference?no_esc}</strong></div>
</div>
<div class="prose">
  <p>We have sent your application to the ${view.fundName} team. Keep your reference number: quote it if you contact us about your application.</p>
  ${markers.emailSentTo?no_esc}
  <h2>What happens next</h2>
  ${markers.whatHappensNext?no_esc}
  ${markers.answers?no_esc}
  <p><a href="${view.fundUrl}">Read about the ${view.fundName}</a></p>
</div>
</@layout.page>
