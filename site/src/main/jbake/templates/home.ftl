<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=content.title description=content.description current="home">
<h1 class="heading-xl">${content.title}</h1>
${content.body?no_esc}

<h2 class="heading-l" id="open-calls">Calls for bids open now</h2>
<#if site.openCalls?has_content>
<@layout.callList calls=site.openCalls/>
<#else>
<p>${content.noOpenCalls!"There are no calls for bids open right now."}</p>
</#if>
<p><a href="/calls/">All calls for bids, including upcoming and closed calls</a></p>

<h2 class="heading-l" id="funds">Funds</h2>
<table class="table">
  <caption class="visually-hidden">Funds, their status, how much they award and their next deadline</caption>
  <thead>
    <tr><th scope="col">Fund</th><th scope="col">Status</th><th scope="col">How much</th><th scope="col">Next deadline</th></tr>
  </thead>
  <tbody>
  <#list site.funds as fund>
    <tr>
      <th scope="row"><a href="${fund.url}">${fund.name}</a></th>
      <td><@layout.statusTag fund.status fund.statusLabel/><#if fund.endedOn??> <span class="hint">on ${fund.endedOn}</span></#if></td>
      <td>${fund.award}</td>
      <td><#if fund.applyUrl?? && fund.nextRound??>Apply by <time datetime="${fund.nextRound.deadlineIso}">${fund.nextRound.deadline}</time><@layout.provisional fund.nextRound/><#else>No deadline</#if></td>
    </tr>
  </#list>
  </tbody>
</table>
</@layout.page>
