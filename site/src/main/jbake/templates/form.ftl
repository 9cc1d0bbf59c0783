<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- SiteBaker's FormPages puts the page's facts in its view header and the form, rendered by FormHtml, in its body. -->
<#assign view = content.view>
<#macro guidanceAndForm>
<#-- Whole on the form's first page; the intake folds it into "About this form" on the later ones (FormHtml.introduction). -->
${markers.introductionStart?no_esc}
<div class="prose">
  <p>Read the <a href="${view.fundUrl}">guidance for the ${view.fundName}</a> before you start<#if view.callUrl??>, and the <a href="${view.callUrl}">details of this call</a></#if>.</p>
  <ul>
    <#if view.cap??><li>You can apply for up to ${view.cap}<#if view.capProvisional> (a placeholder figure, to be confirmed)</#if>.</li></#if>
    <#if view.closes??><li>Send your application by <time datetime="${view.closesIso}">${view.closes}</time> (UK time).</li></#if>
    <li>Answer every question unless it says it is optional.</li>
    <li>If you would rather apply on paper or in another format, <a href="#site-contact">contact us</a>.</li>
  </ul>
</div>
${markers.introductionEnd?no_esc}
${content.body?no_esc}
</#macro>
<@layout.page title=view.title description="Apply online to the " + view.fundName + "." current="home" script="/js/apply.js" print=true>
<@layout.draftBanner/>
<span class="caption">${view.fundName}<#if view.callTitle??>: ${view.callTitle}</#if></span>
<h1 class="heading-xl">${view.title}</h1>
<#if view.open && view.status??>
<#-- A call's form: right for the call's status at the bake, and kept right by status.js until the next. -->
<@layout.callWindow call=view>
<@layout.showWhen call=view statuses="upcoming" class="notice"><p>This call opens on <time datetime="${view.opensIso}">${view.opens}</time>. You cannot apply yet.</p></@layout.showWhen>
<@layout.showWhen call=view statuses="closed" class="notice notice--historic"><p>This call closed on <time datetime="${view.closesIso}">${view.closes}</time>. You can no longer apply to it.</p><p><a href="${view.callUrl}">Read about the call</a></p></@layout.showWhen>
<@layout.showWhen call=view statuses="open closing-soon"><@guidanceAndForm/></@layout.showWhen>
</@layout.callWindow>
<#elseif view.open>
<@guidanceAndForm/>
<#else>
<div class="notice notice--historic" role="note"><p>${view.closedReason}</p></div>
<p><a href="${view.fundUrl}">Read about the ${view.fundName}</a></p>
</#if>
</@layout.page>
