<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- The intake function serves this page with the reference in place of the marker below. -->
<#assign view = content.view>
<@layout.page title="Application sent" description="Your application has been sent." current="home">
<div class="panel">
  <h1 class="panel__title">Application sent</h1>
  <div class="panel__body">Your reference number<br><strong class="panel__reference" data-reference><!-- reference --></strong></div>
</div>
<div class="prose">
  <p>We have sent your application to the ${view.fundName} team. Keep your reference number: quote it if you contact us about your application.</p>
  <h2>What happens next</h2>
  <p>We will check your application and may contact you with questions. The panel will consider it at its next meeting, and we will tell you the decision.</p>
  <p><a href="${view.fundUrl}">Read about the ${view.fundName}</a></p>
</div>
</@layout.page>
