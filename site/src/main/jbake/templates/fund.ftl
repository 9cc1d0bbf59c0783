<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign fund = site.fundsById[content.fund]>
<@layout.page title=fund.name description=fund.summary current="home">
<@layout.draftBanner/>
<span class="caption">Fund guidance</span>
<h1 class="heading-xl">${fund.name}</h1>
<#if fund.historic>
<div class="notice notice--historic" role="note">
  <p><strong>This fund has ended.</strong> It closed on ${fund.endedOn} and no longer takes applications.
  This page is kept as a historic record.</p>
</div>
</#if>
<p class="lead">${fund.summary}</p>

<h2 class="heading-m">At a glance</h2>
<dl class="summary-list">
  <div class="summary-list__row"><dt>Status</dt><dd><@layout.statusTag fund.status fund.statusLabel/><#if fund.endedOn??> ended ${fund.endedOn}</#if></dd></div>
  <div class="summary-list__row"><dt>How much</dt><dd>${fund.award}</dd></div>
<#if fund.maxRequest??>
  <div class="summary-list__row"><dt>Most you can apply for</dt><dd>${fund.maxRequest} an application<#if fund.maxRequestProvisional> (a placeholder figure, to be confirmed)</#if><#if fund.calls?has_content>; a call for bids may set a lower amount</#if></dd></div>
</#if>
  <div class="summary-list__row"><dt>Who can apply</dt><dd><ul class="plain-list"><#list fund.whoCanApply as who><li>${who}</li></#list></ul></dd></div>
  <div class="summary-list__row"><dt>Decisions</dt><dd>${fund.decisions}</dd></div>
<#if fund.nextRound??>
  <div class="summary-list__row"><dt>Next deadline</dt><dd>Apply by <time datetime="${fund.nextRound.deadlineIso}">${fund.nextRound.deadline}</time> to hear by <time datetime="${fund.nextRound.decisionsByIso}">${fund.nextRound.decisionsBy}</time><@layout.provisional fund.nextRound/>.</dd></div>
</#if>
</dl>

<#if fund.limits?? && fund.limits?has_content>
<h2 class="heading-m" id="limits">Limits on your answers</h2>
<p>The form asks you to answer every question unless it says it is optional. When you apply it checks ${fund.limits?size} of your answers against a limit, each shown here.</p>
<#-- Folded, so the page stays short; worded by each question's own class from the rule it checks (Question.limit). -->
<details class="details">
<summary class="details__summary">See the limit on each answer</summary>
<div class="details__text">
<dl class="summary-list">
<#list fund.limits as item>
  <div class="summary-list__row"><dt>${item.question}</dt><dd>${item.limit?cap_first}<#if item.provisional> (a placeholder figure, to be confirmed)</#if></dd></div>
</#list>
</dl>
</div>
</details>
</#if>

<#if fund.rounds?? && fund.rounds?has_content>
<h2 class="heading-m" id="panel-dates">Panel dates</h2>
<p>The panel considers every application received by a deadline together. Applications that arrive after a deadline go to the next panel.<#if fund.rounds?filter(r -> r.provisional)?has_content> Dates marked provisional are still to be confirmed.</#if></p>
<table class="table">
  <caption class="visually-hidden">Application deadlines and decision dates for the ${fund.name}</caption>
  <thead>
    <tr><th scope="col">Apply by (UK time)</th><th scope="col">Decisions by</th></tr>
  </thead>
  <tbody>
  <#list fund.rounds as round>
    <tr><td><time datetime="${round.deadlineIso}">${round.deadline}</time></td><td><time datetime="${round.decisionsByIso}">${round.decisionsBy}</time><@layout.provisional round/></td></tr>
  </#list>
  </tbody>
</table>
<#elseif fund.status == "open">
<p>The next panel date has not been set yet. Contact us to find out when it will be.</p>
</#if>

<#if fund.applyUrl??>
<p><a class="button" href="${fund.applyUrl}">Apply online</a></p>
</#if>

<#if fund.calls?has_content>
<h2 class="heading-m" id="calls">Calls for bids for this fund</h2>
<@layout.callList calls=fund.calls showFund=false/>
</#if>

<#assign decided = decisions.byFund[fund.id]>
<h2 class="heading-m" id="grants-made">Grants made</h2>
<#if decided.lastDecided??>
<dl class="summary-list">
  <div class="summary-list__row"><dt>Applications decided</dt><dd>${decided.applications}</dd></div>
  <div class="summary-list__row"><dt>Applications funded</dt><dd>${decided.funded}</dd></div>
  <div class="summary-list__row"><dt>Total awarded</dt><dd>${decided.total}</dd></div>
  <div class="summary-list__row"><dt>Last decision</dt><dd><time datetime="${decided.lastDecidedIso}">${decided.lastDecided}</time></dd></div>
</dl>
<#else>
<p>No decisions on this fund have been published yet.</p>
</#if>
<#if decided.notices?has_content>
<ul class="plain-list">
<#list decided.notices as notice>
  <li><a href="${notice.url}">${notice.title}</a><#if notice.draft> <strong class="tag tag--draft">Draft</strong></#if></li>
</#list>
</ul>
</#if>
<p>Every grant made from this fund and the others is in the <a href="${decisions.registerUrl}">grants register</a>.</p>

<div class="prose">
${content.body?no_esc}
</div>
</@layout.page>
