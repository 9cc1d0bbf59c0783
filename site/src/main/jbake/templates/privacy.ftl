<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=content.title description=content.description>
<h1 class="heading-xl">${content.title}</h1>
<div class="prose">
${content.body?no_esc}
<h2 id="retention">How long we keep it</h2>
<p>We keep each application, successful or not, for the period below after it is received, and
then delete it. The periods are set in our retention schedule and reviewed each year.</p>
<table class="table">
  <caption class="visually-hidden">How long applications are kept, by fund</caption>
  <thead><tr><th scope="col">Fund</th><th scope="col">Kept for</th></tr></thead>
  <tbody>
  <#list site.funds as fund>
    <tr><th scope="row">${fund.name}</th><td>${fund.retentionYears} years</td></tr>
  </#list>
  </tbody>
</table>
<#-- Said by the template, not the content: it is what the intake does (ConfirmationCookie), for every office. -->
<h2 id="cookies">Cookies</h2>
<p>We use one cookie, and only when you send an application: it lets the browser you sent it from
show its confirmation page (your reference, the address your email goes to and your answers, to
print or save) for one hour. It holds your reference, not your answers, is sent only to that page,
and is deleted after the hour. We use no other cookies and no analytics.</p>
</div>
</@layout.page>
