<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title="Page not found" description="The page you asked for does not exist.">
<h1 class="heading-xl">Page not found</h1>
<p>If you typed the web address, check it is correct.</p>
<p>If you pasted the web address, check you copied the entire address.</p>
<p><a href="/">Go to the list of funds</a> or <a href="/calls/">see calls for bids</a>.</p>
</@layout.page>
