<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- SiteBaker puts this call's facts, worked out for this bake, in the page's view header (JBake reads JSON header values as maps). -->
<#assign call = content.view>
<@layout.page title=call.title description=call.summary current="calls">
<@layout.draftBanner/>
<span class="caption">Call for bids: ${call.fundName}</span>
<h1 class="heading-xl">${call.title}</h1>
<@layout.callWindow call=call>
<p><@layout.callStatusTag call/></p>
<p class="lead">${call.summary}</p>

<@layout.showWhen call=call statuses="upcoming" class="notice"><p>This call opens on <time datetime="${call.opensIso}">${call.opens}</time>. You cannot apply yet.</p></@layout.showWhen>
<@layout.showWhen call=call statuses="closed" class="notice notice--historic"><p>This call closed on <time datetime="${call.closesIso}">${call.closes}</time>. You can no longer apply to it.</p></@layout.showWhen>
<@layout.showWhen call=call statuses="open closing-soon" class="notice notice--deadline"><p><strong>Deadline: <time datetime="${call.closesIso}">${call.closes}</time></strong> (UK time).<@layout.showWhen call=call statuses="closing-soon" tag="span"> This call closes within a week.</@layout.showWhen></p></@layout.showWhen>

<dl class="summary-list">
  <div class="summary-list__row"><dt>Fund</dt><dd><a href="${call.fundUrl}">${call.fundName}</a></dd></div>
  <div class="summary-list__row"><dt>Theme</dt><dd>${call.theme}</dd></div>
  <div class="summary-list__row"><dt>Maximum award</dt><dd>${call.maxAward}</dd></div>
  <div class="summary-list__row"><dt>Opens</dt><dd><time datetime="${call.opensIso}">${call.opens}</time></dd></div>
  <div class="summary-list__row"><dt>Closes</dt><dd><time datetime="${call.closesIso}">${call.closes}</time></dd></div>
  <div class="summary-list__row"><dt>Decisions</dt><dd><#if call.panel??><@layout.panelDecision panel=call.panel own=call.panel.own/><#else>We will tell you when a panel will consider the bids.</#if></dd></div>
</dl>

<div class="prose">
${content.body?no_esc}
</div>

<#if call.formUrl??>
<@layout.showWhen call=call statuses="open closing-soon" tag="p"><a class="button" href="${call.formUrl}">Apply now</a></@layout.showWhen>
</#if>
</@layout.callWindow>
</@layout.page>
