<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- SiteBaker puts this call's facts, worked out for this bake, in the page's view header (JBake reads JSON header values as maps). -->
<#assign call = content.view>
<@layout.page title=call.title description=call.summary current="calls">
<@layout.draftBanner/>
<span class="caption">Call for bids: ${call.fundName}</span>
<h1 class="heading-xl">${call.title}</h1>
<p><@layout.statusTag call.status call.statusLabel/></p>
<p class="lead">${call.summary}</p>

<#if call.status == "upcoming">
<div class="notice" role="note"><p>This call opens on <time datetime="${call.opensIso}">${call.opens}</time>. You cannot apply yet.</p></div>
<#elseif call.status == "closed">
<div class="notice notice--historic" role="note"><p>This call closed on <time datetime="${call.closesIso}">${call.closes}</time>. You can no longer apply to it.</p></div>
<#else>
<div class="notice notice--deadline" role="note"><p><strong>Deadline: <time datetime="${call.closesIso}">${call.closes}</time></strong> (UK time).<#if call.status == "closing-soon"> This call closes within a week.</#if></p></div>
</#if>

<dl class="summary-list">
  <div class="summary-list__row"><dt>Fund</dt><dd><a href="${call.fundUrl}">${call.fundName}</a></dd></div>
  <div class="summary-list__row"><dt>Theme</dt><dd>${call.theme}</dd></div>
  <div class="summary-list__row"><dt>Maximum award</dt><dd>${call.maxAward}</dd></div>
  <div class="summary-list__row"><dt>Opens</dt><dd><time datetime="${call.opensIso}">${call.opens}</time></dd></div>
  <div class="summary-list__row"><dt>Closes</dt><dd><time datetime="${call.closesIso}">${call.closes}</time></dd></div>
</dl>

<div class="prose">
${content.body?no_esc}
</div>

<#if call.applyUrl??>
<p><a class="button" href="${call.applyUrl}">Apply now</a></p>
</#if>
</@layout.page>
