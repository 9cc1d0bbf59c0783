<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- A round's decision notice: its facts, the notice's own text, and the grants made (never a decline). -->
<#assign notice = content.view>
<@layout.page title=notice.title description="The decision on the ${notice.fundName}'s round ${notice.roundId}: the grants made, to whom and why.">
<@layout.draftBanner/>
<span class="caption">Decision notice</span>
<h1 class="heading-xl">${notice.title}</h1>
<dl class="summary-list">
  <div class="summary-list__row"><dt>Fund</dt><dd><a href="${notice.fundUrl}">${notice.fundName}</a></dd></div>
  <div class="summary-list__row"><dt>Round</dt><dd>${notice.roundId}<#if notice.roundDeadline??>: applications received by ${notice.roundDeadline}</#if></dd></div>
  <div class="summary-list__row"><dt>Decided on</dt><dd><time datetime="${notice.decidedIso}">${notice.decided}</time></dd></div>
  <div class="summary-list__row"><dt>Decided by</dt><dd>${notice.decidedBy}</dd></div>
  <div class="summary-list__row"><dt>Applications decided</dt><dd>${notice.applications}</dd></div>
  <div class="summary-list__row"><dt>Grants made</dt><dd>${notice.funded}, ${notice.total} in all</dd></div>
</dl>

<div class="prose">
${content.body?no_esc}
</div>

<h2 class="heading-m" id="grants">Grants made</h2>
<#if notice.grants?has_content>
<table class="table">
  <caption class="visually-hidden">Grants made in this decision</caption>
  <thead>
    <tr><th scope="col">Recipient</th><th scope="col">Amount</th><th scope="col">Purpose</th><th scope="col">Conditions</th><th scope="col">Why it will reduce crime and disorder</th></tr>
  </thead>
  <tbody>
  <#list notice.grants as grant>
    <tr><th scope="row">${grant.recipient}</th><td>${grant.amount}</td><td>${grant.purpose}</td><td>${grant.conditions}</td><td>${grant.reason}</td></tr>
  </#list>
  </tbody>
</table>
<#else>
<p>No grants were made in this round.</p>
</#if>
<p>Every grant is also in the <a href="${decisions.registerUrl}">grants register</a>.</p>
</@layout.page>
