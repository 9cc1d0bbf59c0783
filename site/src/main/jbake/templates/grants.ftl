<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- The grants register: each grant made, month by month, with exactly the items the Specified Information Order asks for. -->
<@layout.page title="Grants register" description="Every crime and disorder reduction grant made by the ${opcc.name} and the funders before it, month by month." current="grants">
<h1 class="heading-xl">Grants register</h1>
<p class="lead">Every crime and disorder reduction grant made by the ${opcc.name} and the funders before it, month by month.</p>
<p>For each grant the register gives who received it, how much, what it is for, the conditions attached,
why it was expected to reduce crime and disorder in the area, the date it was made and the funder that made it, as the
<a href="https://www.legislation.gov.uk/uksi/2011/3050/contents">Elected Local Policing Bodies (Specified Information) Order 2011</a>
(Schedule 1, paragraph 3(f)) requires. A grant is added when its round's decision is published.
Applications that were not funded are not published.</p>

<#if decisions.months?has_content>
<#list decisions.months as month>
<h2 class="heading-l" id="${month.id}">${month.label}</h2>
<table class="table">
  <caption class="visually-hidden">Grants made in ${month.label}</caption>
  <thead>
    <tr><th scope="col">Recipient</th><th scope="col">Amount</th><th scope="col">Purpose</th><th scope="col">Conditions</th><th scope="col">Why it will reduce crime and disorder</th><th scope="col">Date</th><th scope="col">Made by</th></tr>
  </thead>
  <tbody>
  <#list month.grants as grant>
    <tr><th scope="row">${grant.recipient}</th><td>${grant.amount}</td><td>${grant.purpose}</td><td>${grant.conditions}</td><td>${grant.reason}</td><td><time datetime="${grant.dateIso}">${grant.date}</time></td><td>${grant.funder}</td></tr>
  </#list>
  </tbody>
</table>
<p>Decision notices:</p>
<ul class="plain-list">
<#list month.notices as notice>
  <li><a href="${notice.url}">${notice.title}</a></li>
</#list>
</ul>
</#list>
<#else>
<p>No grants have been published yet.</p>
</#if>
<h2 class="heading-l" id="open-data">Open data</h2>
<#assign data = decisions.openData>
<#if data.published>
<p>The same grants are published in the <a href="https://www.threesixtygiving.org/">360Giving Data Standard</a>:
<a href="${data.jsonUrl}">grants.json</a> (a 360Giving data package) and <a href="${data.csvUrl}">grants.csv</a> (360Giving's spreadsheet headings),
under the <a href="${data.licenceUrl}">${data.licence}</a>.</p>
<#else>
<p>The grants will also be published in the <a href="https://www.threesixtygiving.org/">360Giving Data Standard</a>, as grants.json and grants.csv,
under the <a href="${data.licenceUrl}">${data.licence}</a>, once the first grant is in the register.</p>
</#if>
<#if data.placeholders?has_content>
<div class="notice" role="note"><p><strong>To be confirmed.</strong> The office has still to confirm <#list data.placeholders as p>${p}<#sep>, </#sep></#list>: until then they are placeholders.</p></div>
</#if>
</@layout.page>
