<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=content.title description=content.description current="calls">
<h1 class="heading-xl">${content.title}</h1>
<div class="prose">
${content.body?no_esc}
</div>

<h2 class="heading-l" id="open">Open now</h2>
<#if site.openCalls?has_content><@layout.callList calls=site.openCalls/><#else><p>No calls are open right now.</p></#if>

<h2 class="heading-l" id="upcoming">Opening soon</h2>
<#if site.upcomingCalls?has_content><@layout.callList calls=site.upcomingCalls/><#else><p>No calls are due to open.</p></#if>

<h2 class="heading-l" id="closed">Closed calls</h2>
<#if site.closedCalls?has_content><@layout.callList calls=site.closedCalls/><#else><p>No calls have closed yet.</p></#if>

<#if site.statusesSince??><p class="hint">Statuses last changed on ${site.statusesSince}.</p></#if>
</@layout.page>
